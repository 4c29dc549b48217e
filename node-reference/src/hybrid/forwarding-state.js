import { BackendState } from '../backend-state.js';

/**
 * The backend state of the hybrid edge: exactly the plain backend's (validation, device state,
 * counters), and each accepted reading is also offered to the analytics forwarder.
 */
export class ForwardingState extends BackendState {
  #onAccepted;

  /** @param {(reading: import('../telemetry.js').Reading) => void} onAccepted */
  constructor(onAccepted) {
    super();
    this.#onAccepted = onAccepted;
  }

  /** @override */
  ingest(value, expectedDeviceId) {
    const result = super.ingest(value, expectedDeviceId);
    if (result.accepted) this.#onAccepted(value);
    return result;
  }
}
