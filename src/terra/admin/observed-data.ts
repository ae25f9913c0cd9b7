import type { ProcessingFormat } from '../../catalog/data-types';
import type { WidgetConfig } from './admin-types';

/**
 * The data configuration as `listUnifiedApiScopes` and `listProcessing` show it. Each member is absent when
 * its read was not made (not managed) or failed (then an `unread` part says why).
 */
export interface ObservedData {
  /**
   * Selected data types, upper case, sorted, without ATHLETE: one `SelectedDataField` row per selected type
   * (the GET lists `data_type: activity` where the PUT takes `ACTIVITY`; reading the rows as the selection is
   * an inference the spec does not state).
   */
  types?: readonly string[];
  /** Every row's `samples_enabled` is true (the flag is global on the PUT, per row on the GET). */
  samples?: boolean;
  /** Field selection per lower-case data type, each sorted. */
  fields?: Readonly<Record<string, readonly string[]>>;
  /** The `selected` row of `listProcessing`; null when none is. */
  processing?: ProcessingFormat | null;
}

/** `getWidgetConfig`: the branding drift compares, and the whole document, which a PUT must send back. */
export interface ObservedWidget {
  /** widget_name */
  name: string | null;
  /** app_logo */
  logoUrl: string | null;
  /** As Terra answered it (widget_config_url or widget_config, whichever this deployment serves). */
  document: WidgetConfig;
}
