import * as migration_20261201_085023_initial from './20261201_085023_initial';

export const migrations = [
  {
    up: migration_20261201_085023_initial.up,
    down: migration_20261201_085023_initial.down,
    name: '20261201_085023_initial'
  },
];
