package io.ponte.pipelines.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.pipelines.spi.RunQuery;
import io.ponte.pipelines.spi.RunState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListParamsTest {

    @Test
    void filters_and_paging_are_read_from_the_query() {
        RunQuery q = ListParams.query("running", "train", "night", "2026-03-01T10:00:00Z", "50", "tok");

        assertThat(q.state()).contains(RunState.RUNNING);
        assertThat(q.pipelineName()).contains("train");
        assertThat(q.nameContains()).contains("night");
        assertThat(q.createdAfter()).contains(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(q.pageSize()).isEqualTo(50);
        assertThat(q.pageToken()).contains("tok");
    }

    @Test
    void absent_parameters_mean_no_filter_and_the_default_page_size() {
        RunQuery q = ListParams.query(null, "", null, null, null, " ");

        assertThat(q.state()).isEmpty();
        assertThat(q.pipelineName()).isEmpty();
        assertThat(q.pageToken()).isEmpty();
        assertThat(q.pageSize()).isEqualTo(ListParams.DEFAULT_PAGE_SIZE);
    }

    @Test
    void bad_values_are_refused_naming_the_parameter() {
        assertThatThrownBy(() -> ListParams.query("DONE", null, null, null, null, null))
                .isInstanceOfSatisfying(
                        BadRequest.class, e -> assertThat(e.field()).isEqualTo("state"));
        assertThatThrownBy(() -> ListParams.query(null, null, null, "yesterday", null, null))
                .isInstanceOfSatisfying(
                        BadRequest.class, e -> assertThat(e.field()).isEqualTo("created_after"));
        assertThatThrownBy(() -> ListParams.query(null, null, null, null, "0", null))
                .isInstanceOfSatisfying(
                        BadRequest.class, e -> assertThat(e.field()).isEqualTo("page_size"));
        assertThatThrownBy(() -> ListParams.query(null, null, null, null, "1001", null))
                .isInstanceOfSatisfying(
                        BadRequest.class, e -> assertThat(e.field()).isEqualTo("page_size"));
        assertThatThrownBy(() -> ListParams.attempt("0"))
                .isInstanceOfSatisfying(
                        BadRequest.class, e -> assertThat(e.field()).isEqualTo("attempt"));
        assertThatThrownBy(() -> ListParams.flag("follow", "maybe"))
                .isInstanceOfSatisfying(
                        BadRequest.class, e -> assertThat(e.field()).isEqualTo("follow"));
    }

    @Test
    void attempt_and_follow_are_optional() {
        assertThat(ListParams.attempt(null)).isEmpty();
        assertThat(ListParams.attempt("2")).contains(2);
        assertThat(ListParams.flag("follow", null)).isFalse();
        assertThat(ListParams.flag("follow", "true")).isTrue();
    }
}
