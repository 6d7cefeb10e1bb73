import type { ProfileName, ProfileOptions } from '@cep/contracts';
import { loadProfile } from '@cep/profiles';
import { presentProfileOptions } from './profile-options.presenter';

const cache = new Map<ProfileName, ProfileOptions>();

/** The deployment's option lists; static per process, so built once. */
export const getProfileOptions = (profileName: ProfileName): ProfileOptions => {
  let options = cache.get(profileName);
  if (!options) {
    options = presentProfileOptions(loadProfile(profileName));
    cache.set(profileName, options);
  }
  return options;
};
