import * as migration_20261201_145554_initial from './20261201_145554_initial';
import * as migration_20261201_194933_translation_imports from './20261201_194933_translation_imports';
import * as migration_20261201_200426_media_public from './20261201_200426_media_public';
import * as migration_20261201_201636_public_snapshots from './20261201_201636_public_snapshots';
import * as migration_20261202_074005_media_storage from './20261202_074005_media_storage';
import * as migration_20261202_074049_recurrence from './20261202_074049_recurrence';
import * as migration_20261202_074308_seo_meta from './20261202_074308_seo_meta';
import * as migration_20261202_074432_donor_visibility from './20261202_074432_donor_visibility';
import * as migration_20261202_075238_rate_limit_hits from './20261202_075238_rate_limit_hits';
import * as migration_20261202_075809_search_redirects from './20261202_075809_search_redirects';

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
    up: migration_20261202_074005_media_storage.up,
    down: migration_20261202_074005_media_storage.down,
    name: '20261202_074005_media_storage',
  },
  {
    up: migration_20261202_074049_recurrence.up,
    down: migration_20261202_074049_recurrence.down,
    name: '20261202_074049_recurrence',
  },
  {
    up: migration_20261202_074308_seo_meta.up,
    down: migration_20261202_074308_seo_meta.down,
    name: '20261202_074308_seo_meta',
  },
  {
    up: migration_20261202_074432_donor_visibility.up,
    down: migration_20261202_074432_donor_visibility.down,
    name: '20261202_074432_donor_visibility',
  },
  {
    up: migration_20261202_075238_rate_limit_hits.up,
    down: migration_20261202_075238_rate_limit_hits.down,
    name: '20261202_075238_rate_limit_hits',
  },
  {
    up: migration_20261202_075809_search_redirects.up,
    down: migration_20261202_075809_search_redirects.down,
    name: '20261202_075809_search_redirects',
  },
];
