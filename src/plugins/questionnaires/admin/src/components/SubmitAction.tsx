import * as React from 'react';
import { buildValidParams, type DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { getFetchClient, unstable_useDocument, useAPIErrorHandler, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { translationId } from '../../../../shared/admin/translations';

const t = translationId('questionnaires');

// The types that answer a questionnaire are the server's configuration: asked once.
let answeringTypes: Promise<string[]> | null = null;
const answersQuestionnaire = (model: string) => {
  answeringTypes ??= getFetchClient()
    .get<{ data: string[] }>('/questionnaires/answering-types')
    .then(
      (response) => response.data.data,
      () => [],
    );
  return answeringTypes.then((types) => types.includes(model));
};

/**
 * "Submit" in the edit view of an entry: submits its answers on the submitter's behalf (a
 * questionnaire received on paper), as the stakeholder's Submit does: every required question
 * answered, the call's window open. The server says what is missing; the form reloads.
 */
export const SubmitAction: DocumentActionComponent = ({ model, documentId, collectionType }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler();
  const [{ query }] = useQueryParams();
  const params = React.useMemo(() => buildValidParams(query), [query]);
  const { refetch } = unstable_useDocument({ collectionType, model, documentId, params }, { skip: !documentId });
  const [applies, setApplies] = React.useState(false);
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    let current = true;
    answersQuestionnaire(model).then((answer) => current && setApplies(answer));
    return () => {
      current = false;
    };
  }, [model]);

  if (!applies || !documentId) return null;
  return {
    label: formatMessage({ id: t('action.submit'), defaultMessage: 'Submit answers' }),
    position: 'panel',
    variant: 'secondary',
    loading: busy,
    onClick: async () => {
      setBusy(true);
      try {
        const locale = (params as { locale?: string }).locale;
        await getFetchClient().post(`/questionnaires/submit/${model}/${documentId}${locale ? `?locale=${locale}` : ''}`, {});
        toggleNotification({
          type: 'success',
          message: formatMessage({ id: t('notification.submitted'), defaultMessage: 'The answers are submitted.' }),
        });
        refetch();
      } catch (error) {
        toggleNotification({ type: 'danger', message: formatAPIError(error as Parameters<typeof formatAPIError>[0]) });
      } finally {
        setBusy(false);
      }
    },
  };
};
