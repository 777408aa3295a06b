import * as migration_20261201_145554_initial from './20261201_145554_initial';

export const migrations = [
  {
    up: migration_20261201_145554_initial.up,
    down: migration_20261201_145554_initial.down,
    name: '20261201_145554_initial',
  },
];
