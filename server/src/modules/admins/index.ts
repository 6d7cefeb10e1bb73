export { adminsRoutes } from './admins.routes';
