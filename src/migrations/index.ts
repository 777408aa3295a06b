import * as migration_20261201_074108_initial from './20261201_074108_initial';

export const migrations = [
  {
    up: migration_20261201_074108_initial.up,
    down: migration_20261201_074108_initial.down,
    name: '20261201_074108_initial'
  },
];
