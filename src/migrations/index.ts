import * as migration_20261201_080638_initial from './20261201_080638_initial';

export const migrations = [
  {
    up: migration_20261201_080638_initial.up,
    down: migration_20261201_080638_initial.down,
    name: '20261201_080638_initial'
  },
];
