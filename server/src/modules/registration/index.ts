/** The registration module's public surface: routes, and the service functions demo data and benches use. */
export { registrationRoutes } from './registration.routes';
export {
  registerAuthority,
  registerEmployer,
  registerProvider,
  registerProfessional,
  registerOrg,
  type RegistrationCall,
} from './registration.service';
export { registrationKindDefinitions, registrationKinds, RegistrationPayload } from './registration.workflow';
export { reviewPermissionOf } from './registration.policy';
