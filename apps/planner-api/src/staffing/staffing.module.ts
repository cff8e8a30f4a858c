import { Module } from '@nestjs/common';
import { StaffingController } from './staffing.controller.js';

/** Staffing over HTTP: the stateless Erlang endpoint. */
@Module({ controllers: [StaffingController] })
export class StaffingModule {}
