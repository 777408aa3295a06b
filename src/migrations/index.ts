import * as migration_20261201_073143_initial from './20261201_073143_initial';

export const migrations = [
  {
    up: migration_20261201_073143_initial.up,
    down: migration_20261201_073143_initial.down,
    name: '20261201_073143_initial'
  },
];
