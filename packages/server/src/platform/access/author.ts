import type { Author } from '@gezinsplan/domain';

/** A row's author as joined in (`users as u` for the name, `organisations as o` for the organisation's). */
export interface AuthorRow {
  author_user_id: string;
  author_name: string;
  author_organisation_name: string | null;
  author_member_id: string | null;
}

/** Who wrote it: a family member speaks for themselves, a professional for their organisation. */
export function presentAuthor(r: AuthorRow): Author {
  return {
    userId: r.author_user_id, name: r.author_name, memberId: r.author_member_id,
    organisationName: r.author_member_id ? null : r.author_organisation_name,
  };
}
