// The extension in Firefox ESR, driven over WebDriver BiDi, shared behaviour first.
import { defineExtensionTests } from './helpers/extension-spec.mjs';
import { firefoxDriver } from './helpers/drivers.mjs';

defineExtensionTests('Firefox', firefoxDriver);
