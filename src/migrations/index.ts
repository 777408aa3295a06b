import * as migration_20261201_104438_initial from './20261201_104438_initial';

export const migrations = [
  {
    up: migration_20261201_104438_initial.up,
    down: migration_20261201_104438_initial.down,
    name: '20261201_104438_initial'
  },
];
