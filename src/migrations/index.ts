import * as migration_20261201_114345_initial from './20261201_114345_initial';

export const migrations = [
  {
    up: migration_20261201_114345_initial.up,
    down: migration_20261201_114345_initial.down,
    name: '20261201_114345_initial'
  },
];
