import pkg from '../../package.json';

/** terra-iac's own version, for reports and SARIF. */
export const VERSION: string = pkg.version;
