import { readSecret } from '../src/environment/secrets';
import { UN_LOCALES } from './locales';

const WINDOW = {
  opensAt: 'opensAt',
  closesAt: 'closesAt',
  timezone: 'timezone',
  extensions: 'extensions',
  editableUntil: 'editableUntil',
  lateSubmitters: 'lateSubmitters',
};
const SUBMISSION = { owner: 'submittedBy', lateFlag: 'late', serverFields: ['moderatorNote'] };
const SHORT_DESCRIPTION_WORDS = 150;

export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: readSecret('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
    },
  },
  upload: {
    config:
      env('UPLOAD_PROVIDER', 'local') === 'aws-s3'
        ? {
            provider: 'aws-s3',
            providerOptions: {
              baseUrl: env('S3_BASE_URL'),
              s3Options: {
                endpoint: env('S3_ENDPOINT'),
                region: env('S3_REGION', 'us-east-1'),
                forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', true),
                credentials: { accessKeyId: env('S3_ACCESS_KEY_ID'), secretAccessKey: env('S3_SECRET_ACCESS_KEY') },
                // S3-compatible servers reject the checksums newer AWS SDKs send by default.
                requestChecksumCalculation: 'WHEN_REQUIRED',
                responseChecksumValidation: 'WHEN_REQUIRED',
                params: { Bucket: env('S3_BUCKET'), ACL: env('S3_ACL', 'private') },
              },
            },
            sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 50 * 1024 * 1024),
          }
        : { sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 50 * 1024 * 1024) },
  },
  slugs: {
    enabled: true,
    // Local plugins are compiled with the app (tsconfig.json); Strapi loads their compiled entry.
    resolve: './dist/src/plugins/slugs',
    config: { contentTypes: null },
  },
  'scheduled-publishing': {
    enabled: true,
    resolve: './dist/src/plugins/scheduled-publishing',
    config: {
      contentTypes: ['api::stocktaking-call.stocktaking-call', 'api::consultation.consultation', 'api::forum-session.forum-session'],
    },
  },
  translations: {
    enabled: true,
    resolve: './dist/src/plugins/translations',
    config: {
      locales: UN_LOCALES,
      searchFields: ['title', 'name', 'description', 'abstract', 'shortDescription', 'theme'],
      // Official calls are published in all six languages (DOMAIN.md).
      requiredTranslations: {
        'api::stocktaking-call.stocktaking-call': { fields: ['officialCall'], locales: UN_LOCALES.map(({ code }) => code) },
      },
    },
  },
  'translator-roles': {
    enabled: true,
    resolve: './dist/src/plugins/translator-roles',
    // A "Translator (xx)" admin role per locale of config/locales.ts but the source (en), on every api:: type.
    config: { locales: null, sourceLocale: null, contentTypes: null },
  },
  deadlines: {
    enabled: true,
    resolve: './dist/src/plugins/deadlines',
    config: {
      // Content types that carry a window, and where its parts are.
      sources: {
        'api::stocktaking-call.stocktaking-call': WINDOW,
        'api::consultation-phase.consultation-phase': WINDOW,
        // Session outcome summaries are due by the edition's deadline, in the venue's timezone.
        'api::forum-edition.forum-edition': { opensAt: 'startDate', closesAt: 'outcomeSummaryDeadline', timezone: 'venue.timezone' },
      },
      // Content types submitted through a window: a new windowed type is one more line here.
      windowed: {
        'api::stocktaking-entry.stocktaking-entry': {
          window: 'call',
          requiredRelations: ['actionLines'],
          wordLimits: { shortDescription: SHORT_DESCRIPTION_WORDS },
          ...SUBMISSION,
        },
        'api::consultation-contribution.consultation-contribution': {
          window: 'phase',
          match: { acceptsContributions: true },
          sameParent: { field: 'consultation', sourceField: 'consultation' },
          ...SUBMISSION,
        },
        'api::forum-session.forum-session': { window: 'edition', fields: ['summary'] },
      },
    },
  },
});
