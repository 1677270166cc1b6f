export const LOCALES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** 'fr', 'fr-CH' or 'FR' -> 'fr'; anything else -> 'en'. */
export function messageLocale(locale: string | null | undefined): Locale {
  const language = String(locale ?? '')
    .toLowerCase()
    .split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'en';
}

export type OwnMessage = 'REQUIRED' | 'NOT_SHOWN' | 'UNKNOWN_QUESTION';

const MESSAGES: Record<OwnMessage, Record<Locale, string>> = {
  REQUIRED: {
    en: 'this question must be answered',
    fr: 'cette question exige une réponse',
    es: 'esta pregunta requiere una respuesta',
    ru: 'на этот вопрос необходимо ответить',
    zh: '此问题必须回答',
    ar: 'يجب الإجابة عن هذا السؤال',
  },
  NOT_SHOWN: {
    en: 'this question is not shown for the answers given, so it must not be answered',
    fr: "cette question n'est pas posée avec les réponses données : elle ne doit pas recevoir de réponse",
    es: 'esta pregunta no se muestra con las respuestas dadas: no debe responderse',
    ru: 'этот вопрос не задаётся при данных ответах, поэтому на него нельзя отвечать',
    zh: '根据已给出的回答，此问题不显示，因此不应作答',
    ar: 'هذا السؤال غير معروض بناءً على الإجابات المقدمة، لذا يجب عدم الإجابة عنه',
  },
  UNKNOWN_QUESTION: {
    en: 'this questionnaire has no such question',
    fr: 'ce questionnaire ne contient pas cette question',
    es: 'este cuestionario no contiene esta pregunta',
    ru: 'в этой анкете нет такого вопроса',
    zh: '此问卷中没有这个问题',
    ar: 'لا يتضمن هذا الاستبيان هذا السؤال',
  },
};

export function ownMessage(code: OwnMessage, locale: Locale): string {
  return MESSAGES[code][locale];
}
