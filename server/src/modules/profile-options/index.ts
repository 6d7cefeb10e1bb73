/** The province profile's option lists for the forms. */
export { profileOptionsRoutes } from './profile-options.routes';
