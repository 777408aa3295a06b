import * as migration_20261201_145554_initial from './20261201_145554_initial';
import * as migration_20261201_194933_translation_imports from './20261201_194933_translation_imports';

export const migrations = [
  {
    up: migration_20261201_145554_initial.up,
    down: migration_20261201_145554_initial.down,
    name: '20261201_145554_initial',
  },
  {
    up: migration_20261201_194933_translation_imports.up,
    down: migration_20261201_194933_translation_imports.down,
    name: '20261201_194933_translation_imports'
  },
];
