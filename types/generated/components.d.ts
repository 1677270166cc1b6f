import type { Schema, Struct } from '@strapi/strapi';

export interface ForumPanellist extends Struct.ComponentSchema {
  collectionName: 'components_forum_panellists';
  info: {
    description: 'A speaker of a Forum session';
    displayName: 'Panellist';
    icon: 'user';
  };
  attributes: {
    jobTitle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    organization: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    role: Schema.Attribute.Enumeration<['moderator', 'panellist', 'keynote_speaker', 'chair', 'rapporteur']> &
      Schema.Attribute.DefaultTo<'panellist'>;
  };
}

export interface QuestionnaireOption extends Struct.ComponentSchema {
  collectionName: 'components_questionnaire_options';
  info: {
    description: "One choice a single or multiple choice question offers: a stable key and its label in the call's language";
    displayName: 'Option';
  };
  attributes: {
    key: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    label: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface QuestionnaireQuestion extends Struct.ComponentSchema {
  collectionName: 'components_questionnaire_questions';
  info: {
    description: "One question of a call's questionnaire: its structure (the same in every language) and its label, help and option labels (per language)";
    displayName: 'Question';
  };
  attributes: {
    help: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    key: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    label: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    maximum: Schema.Attribute.Float;
    minimum: Schema.Attribute.Float;
    options: Schema.Attribute.Component<'questionnaire.option', true>;
    public: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    shownWhenOption: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    shownWhenQuestion: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    type: Schema.Attribute.Enumeration<
      [
        'short_text',
        'long_text',
        'single_choice',
        'multiple_choice',
        'number',
        'date',
        'url',
        'email',
        'yes_no',
        'file',
        'countries',
        'action_lines',
      ]
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'short_text'>;
  };
}

export interface SchedulingExtension extends Struct.ComponentSchema {
  collectionName: 'components_scheduling_extensions';
  info: {
    description: 'An announced extension of a deadline; the original stays on record';
    displayName: 'Deadline extension';
    icon: 'clock';
  };
  attributes: {
    announcedAt: Schema.Attribute.DateTime;
    closesAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    reason: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
  };
}

export interface SharedLanguage extends Struct.ComponentSchema {
  collectionName: 'components_shared_languages';
  info: {
    description: 'One of the six UN languages';
    displayName: 'Language';
    icon: 'globe';
  };
  attributes: {
    code: Schema.Attribute.Enumeration<['ar', 'zh', 'en', 'fr', 'ru', 'es']> & Schema.Attribute.Required;
  };
}

export interface SharedVenue extends Struct.ComponentSchema {
  collectionName: 'components_shared_venues';
  info: {
    description: 'Where something takes place';
    displayName: 'Venue';
    icon: 'pinMap';
  };
  attributes: {
    city: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    country: Schema.Attribute.Relation<'oneToOne', 'api::country.country'>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    timezone: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }> &
      Schema.Attribute.DefaultTo<'Europe/Zurich'>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'forum.panellist': ForumPanellist;
      'questionnaire.option': QuestionnaireOption;
      'questionnaire.question': QuestionnaireQuestion;
      'scheduling.extension': SchedulingExtension;
      'shared.language': SharedLanguage;
      'shared.venue': SharedVenue;
    }
  }
}
