package io.claimstream.alert;

import io.claimstream.avro.Alert;
import io.claimstream.json.RecordJson;

/** An alert as one JSON object: the webhook body and a line of the alert log. */
public final class AlertJson {
    private AlertJson() {}

    public static String of(Alert a) {
        return RecordJson.write(RecordJson.alert(a));
    }
}
