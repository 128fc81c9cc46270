// The extension in Chromium (Debian's chromium via playwright-core), shared behaviour first.
import { defineExtensionTests } from './helpers/extension-spec.mjs';
import { chromiumDriver } from './helpers/drivers.mjs';

defineExtensionTests('Chromium', chromiumDriver);
