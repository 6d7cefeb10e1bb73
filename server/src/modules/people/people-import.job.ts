import type { JobKind } from '../../platform/jobs/jobs';
import { PEOPLE_IMPORT_JOB, resumeImports, runImport } from './people-import.service';

export const peopleImportJob: JobKind = { kind: PEOPLE_IMPORT_JOB, run: runImport, resume: resumeImports };
