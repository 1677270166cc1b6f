import { useIntl } from 'react-intl';
import { useAdminGet } from '../../../../shared/admin/useAdminGet';
import type { WindowOverview } from '../utils/api';

/** The windows the server computes (open and upcoming; closed ones too on request), titles in the admin's language. */
export function useWindows({ includeClosed }: { includeClosed: boolean }) {
  const { locale } = useIntl();
  return useAdminGet<WindowOverview[]>('/deadlines/windows', { includeClosed: String(includeClosed), locale });
}
