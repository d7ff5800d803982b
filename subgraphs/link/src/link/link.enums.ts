import { LinkStatus, TagSource, Visibility } from '@link-archive/link-domain';
import { registerEnumType } from 'type-graphql';

// the link domain owns the values (the columns' CHECKs say the same); the API names them here
export { LinkStatus, TagSource, Visibility };
registerEnumType(LinkStatus, { name: 'LinkStatus' });
registerEnumType(Visibility, { name: 'Visibility' });
registerEnumType(TagSource, { name: 'TagSource' });
