import * as migration_20261125_192850_initial from './20261125_192850_initial';
import * as migration_20261125_211923_add_updated_by from './20261125_211923_add_updated_by';
import * as migration_20261125_220107_hide_changes from './20261125_220107_hide_changes';
import * as migration_20261125_230448_reader_list_indexes from './20261125_230448_reader_list_indexes';
import * as migration_20261126_011359_category_updated_index from './20261126_011359_category_updated_index';
import * as migration_20261201_222304_used_by_and_live_numbers from './20261201_222304_used_by_and_live_numbers';
import * as migration_20261201_232042_drop_account_lock from './20261201_232042_drop_account_lock';
import * as migration_20261201_222748_media_storage_fields from './20261201_222748_media_storage_fields';

export const migrations = [
  {
    up: migration_20261125_192850_initial.up,
    down: migration_20261125_192850_initial.down,
    name: '20261125_192850_initial',
  },
  {
    up: migration_20261125_211923_add_updated_by.up,
    down: migration_20261125_211923_add_updated_by.down,
    name: '20261125_211923_add_updated_by',
  },
  {
    up: migration_20261125_220107_hide_changes.up,
    down: migration_20261125_220107_hide_changes.down,
    name: '20261125_220107_hide_changes',
  },
  {
    up: migration_20261125_230448_reader_list_indexes.up,
    down: migration_20261125_230448_reader_list_indexes.down,
    name: '20261125_230448_reader_list_indexes',
  },
  {
    up: migration_20261126_011359_category_updated_index.up,
    down: migration_20261126_011359_category_updated_index.down,
    name: '20261126_011359_category_updated_index',
  },
  {
    up: migration_20261201_222304_used_by_and_live_numbers.up,
    down: migration_20261201_222304_used_by_and_live_numbers.down,
    name: '20261201_222304_used_by_and_live_numbers'
  },
  {
    up: migration_20261201_222748_media_storage_fields.up,
    down: migration_20261201_222748_media_storage_fields.down,
    name: '20261201_222748_media_storage_fields'
  },
  {
    up: migration_20261201_232042_drop_account_lock.up,
    down: migration_20261201_232042_drop_account_lock.down,
    name: '20261201_232042_drop_account_lock'
  },
];
