// Same collection, same loader, same schema as the site.
export { collections } from '../../../src/content.config.ts';
