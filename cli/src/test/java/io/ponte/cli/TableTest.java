package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void pads_every_column_but_the_last_to_its_widest_cell() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);

        new Table("ID", "NAME", "OWNER")
                .row("10", "llama", "-")
                .row("2", "m", "")
                .print(out);
        out.flush();

        assertThat(text.toString().lines()).containsExactly("ID  NAME   OWNER", "10  llama  -", "2   m");
    }

    @Test
    void times_are_the_registry_milliseconds_as_utc_seconds() {
        assertThat(Table.time(Optional.of("1700000000999"))).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(Table.time(Optional.empty())).isEqualTo("-");
        assertThat(Table.time(Optional.of("yesterday"))).isEqualTo("yesterday");
    }
}
