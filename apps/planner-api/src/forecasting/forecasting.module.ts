import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Module, type OnModuleInit } from '@nestjs/common';
import { initMstl } from '@staffcast/forecasting';
import { ForecastsController } from './forecasts.controller.js';

/**
 * Forecasting over HTTP. On start-up it instantiates the MSTL WebAssembly of @bsull/augurs, so that
 * MSTL–ETS joins the candidate methods (the pure library does no I/O and takes the bytes from here).
 */
@Module({ controllers: [ForecastsController] })
export class ForecastingModule implements OnModuleInit {
  onModuleInit(): void {
    const require = createRequire(import.meta.url);
    initMstl(readFileSync(require.resolve('@bsull/augurs/mstl').replace(/mstl\.js$/, 'mstl_bg.wasm')));
  }
}
