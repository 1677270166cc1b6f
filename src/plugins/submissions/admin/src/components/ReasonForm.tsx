import * as React from 'react';
import { Button, Field, Flex, Textarea } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

/** The reason the submitter will read, asked before changes are requested or a submission is rejected. */
export const ReasonForm = ({ onConfirm, busy }: { onConfirm: (reason: string) => void; busy: boolean }) => {
  const { formatMessage } = useIntl();
  const [reason, setReason] = React.useState('');
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Field.Root name="reason" required>
        <Field.Label>{formatMessage({ id: getTranslation('reason.label'), defaultMessage: 'Reason' })}</Field.Label>
        <Textarea value={reason} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Flex justifyContent="flex-end">
        <Button onClick={() => onConfirm(reason)} disabled={!reason.trim()} loading={busy}>
          {formatMessage({ id: getTranslation('reason.confirm'), defaultMessage: 'Confirm' })}
        </Button>
      </Flex>
    </Flex>
  );
};
