import * as React from 'react';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { getFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { translationId } from '../../../../shared/admin/translations';
import { useDocumentCall } from '../../../../shared/admin/useDocumentCall';

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
  const { params, busy, run } = useDocumentCall({ model, documentId, collectionType });
  const [applies, setApplies] = React.useState(false);

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
      await run(
        () => getFetchClient().post(`/questionnaires/submit/${model}/${documentId}${params.locale ? `?locale=${params.locale}` : ''}`, {}),
        formatMessage({ id: t('notification.submitted'), defaultMessage: 'The answers are submitted.' }),
      );
    },
  };
};
