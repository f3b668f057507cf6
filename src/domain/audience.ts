/**
 * Who will read a view. Pages are public: editors' names (and their account ids, which resolve to names)
 * are not published to anonymous readers or in exports that leave Confluence. When an entry was updated
 * stays visible to everyone.
 */
export type Audience = 'public' | 'signed-in';
