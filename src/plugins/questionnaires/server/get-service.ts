import { serviceGetter } from '../../shared/services';
import type services from './services';

export const getService = serviceGetter<typeof services>('questionnaires');
