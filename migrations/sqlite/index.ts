import * as migration_20261125_192850_initial from './20261125_192850_initial';
import * as migration_20261125_211923_add_updated_by from './20261125_211923_add_updated_by';
import * as migration_20261125_224218_reader_list_indexes from './20261125_224218_reader_list_indexes';

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
    up: migration_20261125_224218_reader_list_indexes.up,
    down: migration_20261125_224218_reader_list_indexes.down,
    name: '20261125_224218_reader_list_indexes'
  },
];
