import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from './Loading';

/** Loading, error (with a retry) or the data: every block of every page shows one of the three. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <Alert type="error" role="alert">
        <Paragraph>{t('common.error')}</Paragraph>
        <Button appearance="secondary-action-button" onClick={() => void query.refetch()}>{t('common.retry')}</Button>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
