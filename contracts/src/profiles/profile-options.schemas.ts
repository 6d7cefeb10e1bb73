import { z } from 'zod';

const Code = z.object({ code: z.string(), name: z.string() });

/** GET /api/profile/options: the public option lists the registration forms and the portal use. */
export const ProfileOptions = z.object({
  profile: z.object({
    name: z.string(),
    provinceName: z.string(),
    platformName: z.string(),
    contact: z.object({
      sponsor: z.string(),
      website: z.string().nullable(),
      lines: z.array(z.object({ kind: z.enum(['email', 'phone', 'website']), value: z.string(), purpose: z.string() })),
    }),
  }),
  /** Flat, parents before children; `parentCode` builds the tree. */
  regions: z.array(
    z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'city', 'county']), parentCode: z.string().nullable() }),
  ),
  titleSeries: z.array(Code),
  titleLevels: z.array(Code.extend({ subLevels: z.array(Code) })),
  majors: z.array(Code.extend({ children: z.array(Code) })),
  orgNatures: z.array(Code),
  orgLevels: z.array(Code),
  industries: z.array(Code),
  /** The city-level regions whose people claim hours on this platform (a county counts with its city). */
  claimCities: z.array(Code),
});
export type ProfileOptions = z.infer<typeof ProfileOptions>;
