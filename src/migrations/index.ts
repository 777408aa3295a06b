import * as migration_20261201_075039_initial from './20261201_075039_initial';

export const migrations = [
  {
    up: migration_20261201_075039_initial.up,
    down: migration_20261201_075039_initial.down,
    name: '20261201_075039_initial'
  },
];
