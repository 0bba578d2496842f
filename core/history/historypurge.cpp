// SPDX-License-Identifier: MIT
#include "history/historypurge.h"

#include "history/historystore.h"

#include <QElapsedTimer>
#include <QThread>

namespace securechat {

Result<bool> HistoryPurge::run(HistoryStore& store, const std::function<bool()>& stopRequested,
    const std::function<void(qint64)>& stepTaken)
{
    while (!stopRequested()) {
        QElapsedTimer timer;
        timer.start();
        const Result<bool> step = store.purgeStep();
        const qint64 took = timer.nsecsElapsed();
        if (stepTaken)
            stepTaken(took);
        if (!step)
            return step;
        if (!step.value())
            return Result<bool>::success(true);
        QThread::usleep(static_cast<unsigned long>(took / 1000));
    }
    return Result<bool>::success(false);
}

} // namespace securechat
