import * as migration_20261201_083722_initial from './20261201_083722_initial';

export const migrations = [
  {
    up: migration_20261201_083722_initial.up,
    down: migration_20261201_083722_initial.down,
    name: '20261201_083722_initial'
  },
];
