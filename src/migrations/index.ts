import * as migration_20261201_145554_initial from './20261201_145554_initial';
import * as migration_20261201_194933_translation_imports from './20261201_194933_translation_imports';
import * as migration_20261201_200426_media_public from './20261201_200426_media_public';
import * as migration_20261201_201636_public_snapshots from './20261201_201636_public_snapshots';
import * as migration_20261202_090816_features_2026_12_02 from './20261202_090816_features_2026_12_02';
import * as migration_20261202_202857_read_model_deps_search_words from './20261202_202857_read_model_deps_search_words';

export const migrations = [
  {
    up: migration_20261201_145554_initial.up,
    down: migration_20261201_145554_initial.down,
    name: '20261201_145554_initial',
  },
  {
    up: migration_20261201_194933_translation_imports.up,
    down: migration_20261201_194933_translation_imports.down,
    name: '20261201_194933_translation_imports',
  },
  {
    up: migration_20261201_200426_media_public.up,
    down: migration_20261201_200426_media_public.down,
    name: '20261201_200426_media_public',
  },
  {
    up: migration_20261201_201636_public_snapshots.up,
    down: migration_20261201_201636_public_snapshots.down,
    name: '20261201_201636_public_snapshots',
  },
  {
    up: migration_20261202_090816_features_2026_12_02.up,
    down: migration_20261202_090816_features_2026_12_02.down,
    name: '20261202_090816_features_2026_12_02',
  },
  {
    up: migration_20261202_202857_read_model_deps_search_words.up,
    down: migration_20261202_202857_read_model_deps_search_words.down,
    name: '20261202_202857_read_model_deps_search_words'
  },
];
