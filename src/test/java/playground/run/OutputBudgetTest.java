package playground.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutputBudgetTest {
    @Test
    void keepsOutputUpToTheLimitInUtf8BytesAndNoMore() {
        OutputBudget budget = new OutputBudget(10);
        assertEquals("abcd", budget.take("abcd"));
        assertEquals("好好", budget.take("好好好")); // 6 bytes fit, the third would make 13
        assertEquals("", budget.take("x"));
    }
}
