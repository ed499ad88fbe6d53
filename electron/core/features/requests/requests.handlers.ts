import type { FeatureHandlers } from '../../handlers';
import { requestsService } from './requests.service';

type Calls = 'requests.create' | 'requests.update' | 'requests.get' | 'requests.list' | 'requests.today' | 'requests.setStatus';

/** Walk-in requests: logging, editing, the status flow with its history, the lists and today's queue. */
export const requestHandlers: FeatureHandlers<Calls> = {
  'requests.create': (input, ctx, deps) => requestsService(deps).create(input, ctx.actor),
  'requests.update': (input, ctx, deps) => requestsService(deps).update(input.id, input.data, ctx.actor),
  'requests.get': (input, _ctx, deps) => requestsService(deps).get(input.id),
  'requests.list': (input, _ctx, deps) => requestsService(deps).list(input),
  'requests.today': (_input, _ctx, deps) => requestsService(deps).today(),
  'requests.setStatus': (input, ctx, deps) => requestsService(deps).setStatus(input.id, input.status, input.note, ctx.actor),
};
