import type { Core } from '@strapi/strapi';
import { readMailSettings } from '../src/environment/mail';
import { readSecret } from '../src/environment/secrets';
import { ADMIN_LAYOUTS } from './admin-layouts';
import { UN_LOCALES } from './locales';

const WINDOW = {
  opensAt: 'opensAt',
  closesAt: 'closesAt',
  timezone: 'timezone',
  extensions: 'extensions',
  editableUntil: 'editableUntil',
  lateSubmitters: 'lateSubmitters',
};
// Files anyone may upload (stakeholders attach them to submissions): documents and raster images.
// Nothing a browser would run from this origin (HTML, SVG, scripts).
const UPLOAD_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.oasis.opendocument.*',
  'application/zip',
  'video/mp4',
  'audio/mpeg',
];
const SUBMISSION = { owner: 'submittedBy', serverFields: ['moderatorNote'] };
const REVIEW = { state: 'reviewState', reason: 'reviewReason', reviewedAt: 'reviewedAt' };
const SHORT_DESCRIPTION_WORDS = 150;
// Labels of the deadline events in consultation calendars, in the six UN languages.
const DEADLINE = { en: 'Deadline', fr: 'Date limite', es: 'Fecha límite', ar: 'الموعد النهائي', zh: '截止日期', ru: 'Крайний срок' };
const EXTENDED_FROM = {
  en: 'Extended; original deadline:',
  fr: 'Prolongée ; date limite initiale :',
  es: 'Prorrogada; fecha límite original:',
  ar: 'تم التمديد؛ الموعد النهائي الأصلي:',
  zh: '已延期；原截止日期：',
  ru: 'Продлен; первоначальный срок:',
};

/** The email plugin (nodemailer) and the accounts plugin: account e-mail through an outbox, confirmed registration. */
function accountEmail(env: Core.Config.Shared.ConfigParams['env']) {
  const mail = readMailSettings();
  return {
    email: {
      config: {
        provider: 'nodemailer',
        // Without an SMTP relay (development, test), the accounts plugin's local mailbox fills in host and port.
        providerOptions: {
          ...(mail.smtp && {
            host: mail.smtp.host,
            port: mail.smtp.port,
            secure: mail.smtp.secure,
            ...(mail.smtp.username && { auth: { user: mail.smtp.username, pass: mail.smtp.password } }),
          }),
          // A relay that does not answer fails the attempt (retried later) instead of holding it for minutes.
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        },
        settings: { defaultFrom: mail.from, defaultReplyTo: mail.replyTo },
      },
    },
    accounts: {
      enabled: true,
      resolve: './dist/src/plugins/accounts',
      config: {
        mailbox: mail.mailbox ?? false,
        links: mail.links,
        passwordReset: { codeLifetime: env.int('PASSWORD_RESET_CODE_MINUTES', 60) * 60 * 1000 },
      },
    },
  };
}

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: readSecret('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
    },
  },
  // After users-permissions: the accounts plugin changes its settings at boot.
  ...accountEmail(env),
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
            security: { allowedTypes: UPLOAD_TYPES },
          }
        : { sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 50 * 1024 * 1024), security: { allowedTypes: UPLOAD_TYPES } },
  },
  'admin-layouts': {
    enabled: true,
    resolve: './dist/src/plugins/admin-layouts',
    config: { types: ADMIN_LAYOUTS },
  },
  // First of the plugins that add Document Service middlewares: its own runs outermost and holds
  // every write, with the others' work around it, in one transaction (its README, "Writes").
  'api-guard': {
    enabled: true,
    resolve: './dist/src/plugins/api-guard',
    config: { populateCaps: { perDocument: 250, perResponse: 2500 } },
  },
  // Relation filters read as semi-joins where that keeps Strapi's rows (no DISTINCT over every column).
  'query-plans': {
    enabled: true,
    resolve: './dist/src/plugins/query-plans',
    config: { contentTypes: null },
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
      // A questionnaire's keys and conditions are its structure, the same in every language: only labels are translated.
      languageNeutralFields: {
        'questionnaire.question': ['key', 'shownWhenQuestion', 'shownWhenOption'],
        'questionnaire.option': ['key'],
      },
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
    config: {
      locales: null,
      sourceLocale: null,
      contentTypes: null,
      // Who may submit after the deadline is the editors' decision (the deadlines plugin unions it across locales).
      editorOnlyFields: {
        'api::stocktaking-call.stocktaking-call': ['lateSubmitters'],
        'api::consultation-phase.consultation-phase': ['lateSubmitters'],
      },
      // Stakeholders' submissions are published by an editor before anyone translates them.
      reviewedTypes: ['api::stocktaking-entry.stocktaking-entry', 'api::consultation-contribution.consultation-contribution'],
    },
  },
  // ETags, 304 and Cache-Control on content-API reads; the content version the exports' ETags follow.
  'http-cache': {
    enabled: true,
    resolve: './dist/src/plugins/http-cache',
    config: {
      cacheControl: { public: env('CACHE_CONTROL_PUBLIC', 'public, max-age=60'), authenticated: 'private, no-store' },
      // Anonymous reads of published content kept in memory, per instance, for the current content version.
      responseCache: { enabled: true, maxBytes: 32 * 1024 * 1024 },
      // Window states change with the deadlines plugin's clock: a response's expiry is measured by it.
      clockFrom: 'deadlines',
    },
  },
  feeds: {
    enabled: true,
    resolve: './dist/src/plugins/feeds',
    config: {
      // Deadlines and dates are stated in Geneva time.
      timezone: 'Europe/Zurich',
      uidDomain: env('FEEDS_UID_DOMAIN', 'wsis-platform'),
      // Exports take their ETag and Last-Modified from the version of all content.
      versionFrom: 'http-cache',
      calendars: {
        events: {
          path: '/events/calendar.ics',
          contentType: 'api::event.event',
          name: {
            en: 'WSIS Global Events Calendar',
            fr: 'Calendrier mondial des événements du SMSI',
            es: 'Calendario mundial de eventos de la CMSI',
            ar: 'التقويم العالمي لأحداث القمة العالمية لمجتمع المعلومات',
            zh: '信息社会世界峰会全球活动日历',
            ru: 'Глобальный календарь мероприятий ВВУИО',
          },
          fields: {
            summary: 'title',
            description: 'description',
            start: 'startsAt',
            end: 'endsAt',
            allDay: 'allDay',
            timezone: 'timezone',
            location: ['venue', 'city'],
            url: 'url',
          },
          range: true,
        },
        forumAgenda: {
          path: '/forum-editions/:slug/agenda.ics',
          contentType: 'api::forum-session.forum-session',
          // Sessions take place in the venue's timezone.
          parent: {
            contentType: 'api::forum-edition.forum-edition',
            relation: 'edition',
            name: 'title',
            timezone: 'venue.timezone',
            location: ['venue.name', 'venue.city'],
          },
          fields: { summary: 'title', description: 'description', start: 'startsAt', end: 'endsAt', location: ['room'], url: 'webcastUrl' },
        },
        consultation: {
          path: '/consultations/:slug/calendar.ics',
          contentType: 'api::consultation-phase.consultation-phase',
          parent: { contentType: 'api::consultation.consultation', relation: 'consultation', name: 'title' },
          fields: { summary: 'name', start: 'opensAt', end: 'closesAt', timezone: 'timezone', location: ['location'] },
          sort: ['position:asc'],
          // The effective deadline (the latest announced extension) comes from the deadlines plugin.
          windowsFrom: 'deadlines',
          deadlines: { match: { acceptsContributions: true }, label: DEADLINE, extendedLabel: EXTENDED_FROM },
        },
      },
      feeds: {
        publications: {
          path: '/publications/feed.xml',
          contentType: 'api::publication.publication',
          title: {
            en: 'WSIS Global Repository',
            fr: 'Répertoire mondial du SMSI',
            es: 'Repositorio mundial de la CMSI',
            ar: 'المستودع العالمي للقمة العالمية لمجتمع المعلومات',
            zh: '信息社会世界峰会全球资料库',
            ru: 'Глобальный репозиторий ВВУИО',
          },
          description: { en: 'Publications, reports, case studies and presentations of the WSIS Global Repository, newest first' },
          fields: {
            title: 'title',
            description: 'abstract',
            date: 'publishedOn',
            author: ['authors', 'institution'],
            enclosure: 'file',
            categories: 'actionLines.code',
          },
          sort: ['publishedOn:desc', 'publishedAt:desc'],
        },
        stocktakingEntries: {
          path: '/stocktaking-entries/feed.xml',
          contentType: 'api::stocktaking-entry.stocktaking-entry',
          title: {
            en: 'WSIS Stocktaking: newest entries',
            fr: 'Inventaire du SMSI : dernières entrées',
            es: 'Balance de la CMSI: últimas entradas',
            ar: 'حصر أنشطة القمة العالمية: أحدث المدخلات',
            zh: '信息社会世界峰会盘点：最新条目',
            ru: 'Инвентаризация ВВУИО: новые записи',
          },
          fields: {
            title: 'title',
            description: 'shortDescription',
            author: ['organization.name'],
            enclosure: 'documents',
            categories: 'actionLines.code',
          },
          sort: ['publishedAt:desc'],
        },
      },
      exports: {
        stocktakingEntries: {
          path: '/stocktaking-entries/export.csv',
          contentType: 'api::stocktaking-entry.stocktaking-entry',
          filename: 'wsis-stocktaking-entries.csv',
          // Filtered by a call (`filters[call][documentId][$eq]=`): a column per question of its questionnaire.
          columnsFrom: 'questionnaires',
          columns: [
            { header: 'documentId', path: 'documentId' },
            { header: 'locale', path: 'locale' },
            { header: 'title', path: 'title' },
            { header: 'activityType', path: 'activityType' },
            { header: 'shortDescription', path: 'shortDescription' },
            { header: 'actionLines', path: 'actionLines.code' },
            { header: 'organization', path: 'organization.name' },
            { header: 'stakeholderType', path: 'stakeholderType' },
            { header: 'implementingPartners', path: 'implementingPartners.name' },
            { header: 'countries', path: 'countries.code' },
            { header: 'region', path: 'region' },
            { header: 'coverage', path: 'coverage' },
            { header: 'projectStatus', path: 'projectStatus' },
            { header: 'startDate', path: 'startDate' },
            { header: 'endDate', path: 'endDate' },
            { header: 'website', path: 'website' },
            { header: 'documents', path: 'documents.url' },
            { header: 'funding', path: 'funding' },
            { header: 'impact', path: 'impact' },
            { header: 'challenges', path: 'challenges' },
            { header: 'call', path: 'call.edition' },
            { header: 'updatedAt', path: 'updatedAt' },
          ],
        },
      },
    },
  },
  openapi: {
    enabled: true,
    resolve: './dist/src/plugins/openapi',
    config: {
      path: '/openapi.json',
      title: 'WSIS platform content API',
      description:
        'REST API of the WSIS platform: the WSIS Forum, Stocktaking, the Global Repository, the Global Events Calendar, partners and open consultations, in the six UN languages.',
      // The calendars, feeds and export, served outside Strapi's route lists.
      routesFrom: ['feeds'],
      buildOnStart: env('NODE_ENV') === 'production',
    },
  },
  // Before deadlines: a stakeholder learns nothing of a submission that is not theirs, window included.
  submissions: {
    enabled: true,
    resolve: './dist/src/plugins/submissions',
    config: {
      role: 'authenticated',
      uploads: true,
      types: {
        'api::stocktaking-entry.stocktaking-entry': {
          ...SUBMISSION,
          requiredRelations: ['actionLines'],
          wordLimits: { shortDescription: SHORT_DESCRIPTION_WORDS },
          populate: ['call', 'actionLines', 'organization', 'implementingPartners', 'countries', 'documents'],
          review: { ...REVIEW, groupBy: 'call' },
        },
        'api::consultation-contribution.consultation-contribution': {
          ...SUBMISSION,
          populate: ['consultation', 'phase', 'organization', 'attachments'],
          review: { ...REVIEW, groupBy: 'phase' },
        },
      },
    },
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
        'api::stocktaking-entry.stocktaking-entry': { window: 'call', lateFlag: 'late' },
        'api::consultation-contribution.consultation-contribution': {
          window: 'phase',
          match: { acceptsContributions: true },
          sameParent: { field: 'consultation', sourceField: 'consultation' },
          lateFlag: 'late',
        },
        'api::forum-session.forum-session': { window: 'edition', fields: ['summary'] },
      },
    },
  },
  // After deadlines: answers are checked once the write is known to be allowed at all.
  questionnaires: {
    enabled: true,
    resolve: './dist/src/plugins/questionnaires',
    config: {
      forms: {
        // The official call's questionnaire, like the call itself, is published in six languages.
        'api::stocktaking-call.stocktaking-call': {
          questions: 'questions',
          title: 'title',
          labelsRequiredIn: UN_LOCALES.map(({ code }) => code),
        },
      },
      answering: {
        'api::stocktaking-entry.stocktaking-entry': {
          form: 'call',
          answers: 'answers',
          submittedAt: 'submittedAt',
          previous: 'previousEntry',
          owner: 'submittedBy',
          organization: 'organization',
          carry: [
            'title',
            'activityType',
            'shortDescription',
            'description',
            'actionLines',
            'organization',
            'stakeholderType',
            'implementingPartners',
            'countries',
            'region',
            'coverage',
            'projectStatus',
            'startDate',
            'endDate',
            'website',
            'funding',
            'impact',
            'challenges',
          ],
        },
      },
      catalogs: {
        countries: { contentType: 'api::country.country', field: 'code' },
        actionLines: { contentType: 'api::action-line.action-line', field: 'code' },
      },
      membership: { target: 'api::organization.organization', organization: 'organization', verified: 'organizationVerified' },
      // A file answer is an upload id: a stakeholder's own (the submissions plugin records uploads).
      uploadsFrom: 'submissions',
      // The admin's Submit (on a stakeholder's behalf) waits for the call's window, as the deadlines plugin computes it.
      windowsFrom: 'deadlines',
      role: 'authenticated',
    },
  },
});
