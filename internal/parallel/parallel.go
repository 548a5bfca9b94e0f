// Package parallel runs independent pieces of work on every processor.
package parallel

import (
	"context"
	"runtime"
	"sync"
)

// For calls work(i) for every i from 0 to n-1, on as many goroutines as
// there are processors, and returns when all calls have returned. The
// calls may run in any order, so work must write only what belongs to its
// own i. If ctx is cancelled, For starts no more calls and returns ctx's
// error once those under way are done.
func For(ctx context.Context, n int, work func(i int)) error {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(runtime.GOMAXPROCS(0), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				work(i)
			}
		}()
	}
feed:
	for i := 0; i < n; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return ctx.Err()
}
