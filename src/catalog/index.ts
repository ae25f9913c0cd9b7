export * from './sources';
export * from './providers';
export * from './environment-limits';
export * from './terra-hosts';
export * from './webhook-event-types';
export * from './google-scopes';
export * from './freestylelibre';
export * from './admin-codes';
