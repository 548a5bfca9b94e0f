package parallel

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestFor_CallsEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		calls := make([]atomic.Int32, n)
		if err := For(context.Background(), n, func(i int) { calls[i].Add(1) }); err != nil {
			t.Fatal(err)
		}
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: work(%d) called %d times", n, i, c)
			}
		}
	}
}

func TestFor_StopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	err := For(ctx, 1000, func(i int) {
		if calls.Add(1) == 10 {
			cancel()
		}
	})
	if err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	// Calls already handed out may finish; no new ones start after
	// cancel, bar the one the feeding loop may have sent at that instant
	// per worker.
	if n := calls.Load(); n >= 1000 {
		t.Errorf("%d calls after cancelling at the 10th", n)
	}
}
