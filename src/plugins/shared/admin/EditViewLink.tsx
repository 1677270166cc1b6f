import * as React from 'react';
import { Link } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { editViewPath } from './content-types';

/** A link to a document's edit view in the content manager, in `locale` when given. */
export const EditViewLink = ({
  contentType,
  documentId,
  locale,
  children,
}: {
  contentType: string;
  documentId: string;
  locale?: string | null;
  children: React.ReactNode;
}) => (
  <Link tag={NavLink} to={editViewPath(contentType, documentId, locale)}>
    {children}
  </Link>
);
