import * as migration_20261201_102033_initial from './20261201_102033_initial';

export const migrations = [
  {
    up: migration_20261201_102033_initial.up,
    down: migration_20261201_102033_initial.down,
    name: '20261201_102033_initial'
  },
];
