import * as migration_20261201_081533_initial from './20261201_081533_initial';

export const migrations = [
  {
    up: migration_20261201_081533_initial.up,
    down: migration_20261201_081533_initial.down,
    name: '20261201_081533_initial'
  },
];
