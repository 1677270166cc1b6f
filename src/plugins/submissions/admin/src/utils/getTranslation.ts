import { translationId } from '../../../../shared/admin/translations';
import { PLUGIN_ID } from '../pluginId';

export const getTranslation = translationId(PLUGIN_ID);
